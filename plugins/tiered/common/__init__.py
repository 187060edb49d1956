"""Ground-floor helpers shared by every plugin: diagnostics and front matter."""
