"""Trained models shipped as package data, each in its own folder with a MODEL.md (or LICENSE) naming its
licence, the data it was trained on and the script that built it."""
