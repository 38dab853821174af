//! Letters to complainants, the people complained about and the council members or aldermen who
//! passed a complaint on: the page where the coordinator prints the letters that go by post and
//! marks them as sent.

pub mod routes;
mod views;
