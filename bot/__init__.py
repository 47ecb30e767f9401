"""Peerline's front: the chat fronts, identity, language, redaction, the `peerline` command."""
