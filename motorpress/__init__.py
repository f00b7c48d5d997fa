"""motorpress: a publishing platform for automotive newsrooms."""
