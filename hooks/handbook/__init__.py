"""Shared code of the build hooks: data files, source documents, templates.

MkDocs puts a hook's folder on sys.path while it loads the hook, so each hook module imports
this package at the top.
"""
