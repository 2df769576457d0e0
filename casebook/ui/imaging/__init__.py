"""The Imaging page's parts: the import flow, the study and series models, and the viewer."""
