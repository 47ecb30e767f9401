"""Custom Rasa NLU components for Peerline's fifteen languages."""
