"""Readers: a .txt, .md, .html, .docx or Akoma Ntoso .xml file → SourceText (NFC, "\\n" lines)."""
from .dispatch import read_bytes, read_file

__all__ = ["read_file", "read_bytes"]
