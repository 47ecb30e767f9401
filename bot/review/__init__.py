"""The volunteers' review page: the logbook's conversations, annotations, statistics and
the export of corrected examples back into Rasa's training data."""
