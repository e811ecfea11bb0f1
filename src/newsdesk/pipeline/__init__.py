"""The one orchestrator: wire → extract → save. The only code that writes stage results."""
