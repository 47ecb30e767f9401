"""Peerline's custom actions and the content they answer from.

Importing this package must not import rasa_sdk: the bot reads content through
actions.content in its degraded mode, without an action server.
"""
