//! Disclosure control: the one decision on what the council report may publish.
//!
//! Everything a council member (or anyone they pass it to) can read is decided here: the report of
//! every period, a quarter or a year, as page, standalone HTML and PDF; its open data as CSV and
//! JSON; and the register appendix of the yearly report. Every figure those outputs show is looked
//! up in the decisions this module makes, so no output can show more than another.
//!
//! # The rule
//!
//! 1. **Only what is final is published.** A survey wave is published once it has closed, never
//!    while people can still answer. Answer sets that come in after the closing date (paper forms
//!    scanned later) join the published figures in groups of at least `k`, by whole days that have
//!    passed ([`published_through`]). Complaints are published per quarter once the quarter has
//!    ended; a year shows the quarters of it that have ended. A complaint counts on the day it
//!    came in, or on the day it was registered when that was later (a letter registered after its
//!    quarter was published counts in the quarter of its registration). So one more answer or
//!    complaint never changes a published figure. (A researcher can see a running wave in a live view that says so
//!    and is not part of the report or the open data.)
//! 2. **No group of fewer than `k` people or complaints is shown, or can be worked out.** A *cell*
//!    is the number of people or complaints in a group the report names: a funnel stage, a
//!    channel, team, category, behoorlijkheidsnorm or theme, an outcome in the register, a quarter,
//!    the size of a survey subgroup, the base (n) of a share. A cell of 1 to `k`-1 is hidden
//!    (primary suppression). Then more cells are hidden (secondary suppression) until no hidden
//!    small cell, and no sum of the hidden parts of one total, follows from *all* published cells
//!    of that year together: the four quarters, the year, and every breakdown of each, by any
//!    linear combination (see [`decide`]).
//! 3. A figure on fewer than 50 people is published but marked *indicatief*. Whether a cell was
//!    hidden as too small or to protect another is never published.
//!
//! # Can this be subtracted?
//!
//! - **The year minus its quarters?** No. The cells of a year and of its four quarters are decided
//!   together, on one fixed calendar grid, quarter by quarter as each ends; a later quarter never
//!   needs an earlier one taken back, so an older download gives nothing away. If a quarter's cell
//!   is hidden, a second quarter's cell is hidden too (the year's figures come first), or, when no
//!   quarter is left to hide, the year's cell. The year to date during the year is part of the
//!   same grid.
//! - **A total minus its parts (channels, teams, register outcomes)?** No: a second part is
//!   hidden, or the total. This holds across tables too, because the check works on the
//!   complaints themselves: every cell is a sum over groups of complaints that share all their
//!   properties, and a hidden cell counts as derivable when its sum is a linear combination of
//!   published sums. Categories, norms and themes (a complaint can have several, or none) and the
//!   funnel stages are in the same check.
//! - **The funnel against the register appendix?** No. The appendix of a council report gives the
//!   written complaints (Awb 9:12a) per outcome, as cells in the same check, not case by case. The
//!   complete register with a line per complaint stays with the complaints coordinator.
//! - **Overall against subgroups in the survey?** No: the sizes of the groups in each breakdown
//!   (channel, language, each background question) are cells of one total; a hidden group takes a
//!   second one with it, and a share is published only when at least `k` people answered.
//! - **Before against after one more answer or complaint?** No: see rule 1.
//!
//! What the rule does not treat as a cell: the other part of a published share or count. "5 of 6
//! decided in time" tells that one was late, as "2% negative" in a survey table does; a share is
//! published only over at least `k`. The deadline figures are such parts too: of the complaints
//! decided or still open past their deadline (a cell), those decided in time, decided late and
//! open past the deadline; they are in the linear check like every other cell, so a part hidden to
//! protect another takes a second one with it. And progress: a quarter's complaints keep moving through
//! their stages (mediated, decided), and are classified and coded, after the quarter has ended;
//! two downloads months apart show how many moved in between, not which ones. (Counting every
//! stage by the date it happened would close that too; it needs a date for every step.)
//!
//! # Where it is
//!
//! - [`primary`]: the threshold, primary suppression, groups hidden together, survey waves.
//! - [`grid`]: the complaint figures, the scopes on the grid of quarters, a complaint's cells.
//! - [`decide`]: the decisions of a year and its quarters.
//! - [`secondary`]: secondary suppression (what must be hidden to protect a hidden cell).
//! - [`span`]: exact linear algebra modulo a prime.

mod decide;
mod grid;
mod primary;
mod secondary;
mod span;
#[cfg(test)]
mod tests;

pub use decide::*;
pub use grid::*;
pub use primary::*;
use secondary::*;
use span::*;
