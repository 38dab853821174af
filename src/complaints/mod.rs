//! Complaints (klachten) under Awb chapter 9. So far: the deadline engine and the workflow rules.

pub mod deadlines;
pub mod workflow;
