"""The shared kernel: types passed between stages, errors with reason codes, the clock."""
