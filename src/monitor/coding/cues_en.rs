//! English cues of the built-in themes.

use super::Rule;

/// English cues (answers given in the English version of a questionnaire).
pub const ENGLISH: &[Rule] = &[
    Rule {
        code: "niet_gehoord",
        cues: "-listen*, =not heard, =ignored, =ignore*, =interrupt*",
    },
    Rule {
        code: "respectloos",
        cues: "=rude*, =disrespect*, =like a child, =shout*, =yell*, =arrogant*, =condescend*, \
               =unfriendly, =humiliat*, =threat*",
    },
    Rule {
        code: "wantrouwen",
        cues: "=distrust*, =mistrust*, =suspect*, =fraud*, =criminal*, =accus*, =lie, =lying",
    },
    Rule {
        code: "privacy",
        cues: "=privacy, =private, =neighbour*, =neighbor*, =home visit*, =camera*, \
               =bank statement*",
    },
    Rule {
        code: "onbereikbaar",
        cues: "=call* .. back, =never answer*, =no answer, =no reply, =no response, =unreachable, \
               -reach*, =on hold",
    },
    Rule {
        code: "lang_wachten",
        cues: "=wait*, =months, =weeks, =slow*, =delay*, =still no, =too long",
    },
    Rule {
        code: "wisseling",
        cues: "=different person, =another person, =someone else, =again and again, =referred, \
               =sent from",
    },
    Rule {
        code: "brieven",
        cues: "=letter*, =form* .. difficult, =confusing letter*",
    },
    Rule {
        code: "niet_geholpen",
        cues: "-help*, =no help, =nobody helped, =refused, =rejected, =turned away, \
               =nothing was done",
    },
    Rule {
        code: "geen_begrip",
        cues: "-understand*, =no empathy, =my situation, =just a number, =sick*, =ill",
    },
    Rule {
        code: "positief",
        cues: "+friendly, +kind, +helpful, +satisfied, +happy, +good, +great, +thank*, +nice, \
               +well helped",
    },
    Rule {
        code: "regels_onduidelijk",
        cues:
            "=unclear, =confus*, =don't know, =do not know, =no information, =wrong information, \
               =rules, =complicated",
    },
];
