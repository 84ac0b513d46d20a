"""The roster section (值班安排) and the on-duty header."""
