//! Unicode properties with CPython 3.11's exact answers.
