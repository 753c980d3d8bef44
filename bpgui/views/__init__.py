"""Qt views: one widget per file. They read records and send intent to the controller."""
