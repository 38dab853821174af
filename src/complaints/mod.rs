//! Complaints (klachten) under Awb chapter 9. So far: the deadline engine.

pub mod deadlines;
