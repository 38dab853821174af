-- Coding open texts: the codebook (themes with the words that suggest them, and the
-- behoorlijkheidsnormen), and the codes a researcher gave each text. A survey text is known by the
-- hash of its wording within a wave, never by the answer set it came from: coding cannot link
-- answers to each other or to a person.
CREATE TABLE codebook (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    cues TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL
);
INSERT INTO codebook (code, name, kind, cues, position) VALUES
    ('niet_gehoord', 'Niet gehoord of niet geluisterd', 'thema', 'luister, niet gehoord, geen gehoor, mijn kant, mijn verhaal, besloten voordat, niet serieus, negeer', 1),
    ('respectloos', 'Respectloos of als een kind behandeld', 'thema', 'respect, kind, neerbuig, kleiner, uitgelach, schreeuw, grof, onbeschof, arrogant, toon', 2),
    ('wantrouwen', 'Wantrouwen', 'thema', 'wantrouw, verdacht, beschuldig, alsof ik, gelog, fraud, controle, crimineel', 3),
    ('privacy', 'Privacy', 'thema', 'privacy, bankafschrift, afschrift, hardop, iedereen kon, huisbezoek, voor de deur, gegevens, dossier', 4),
    ('onbereikbaar', 'Onbereikbaar of niet teruggebeld', 'thema', 'bereik, terugbel, teruggebeld, terug gebeld, opgehang, telefoon, wachtrij, mail beantwoord, niet terug, belde nooit', 5),
    ('lang_wachten', 'Lang wachten', 'thema', 'wacht, maand, weken, lang, traag, duur, nog steeds geen', 6),
    ('wisseling', 'Steeds een andere contactpersoon', 'thema', 'wissel, andere contactpersoon, nieuwe contactpersoon, steeds opnieuw, vijfde keer, opnieuw vertellen, weer iemand anders', 7),
    ('brieven', 'Brieven: toon en duidelijkheid', 'thema', 'brief, brieven, dreig, kortaf, onduidelijk, moeilijk te begrijpen, ambtelijk', 8),
    ('niet_geholpen', 'Niet geholpen', 'thema', 'niet geholp, geen hulp, niemand hielp, aan mijn lot, van het kastje, niks gedaan, niets gedaan', 9),
    ('geen_begrip', 'Geen begrip voor mijn situatie', 'thema', 'begrip, situatie, ziek, empathie, inlevings, mijn omstandigheden', 10),
    ('positief', 'Goed geholpen', 'thema', 'vriendelijk, goed geholp, behulpzaam, netjes, fijn, prettig, duidelijk uitgelegd, meegedacht, tijd genomen, dank', 11),
    ('transparant', 'Transparant', 'norm', '', 12),
    ('goede_informatieverstrekking', 'Goede informatieverstrekking', 'norm', '', 13),
    ('luisteren', 'Luisteren naar de burger', 'norm', '', 14),
    ('goede_motivering', 'Goede motivering', 'norm', '', 15),
    ('grondrechten', 'Respecteren van grondrechten', 'norm', '', 16),
    ('actieve_deelname', 'Bevorderen van actieve deelname door de burger', 'norm', '', 17),
    ('fatsoenlijke_bejegening', 'Fatsoenlijke bejegening', 'norm', '', 18),
    ('fair_play', 'Fair play', 'norm', '', 19),
    ('evenredigheid', 'Evenredigheid', 'norm', '', 20),
    ('bijzondere_zorg', 'Bijzondere zorg', 'norm', '', 21),
    ('maatwerk', 'Maatwerk', 'norm', '', 22),
    ('samenwerking', 'Samenwerking', 'norm', '', 23),
    ('coulante_opstelling', 'Coulante opstelling', 'norm', '', 24),
    ('voortvarendheid', 'Voortvarendheid', 'norm', '', 25),
    ('de_escalatie', 'De-escalatie', 'norm', '', 26),
    ('integriteit', 'Integriteit', 'norm', '', 27),
    ('betrouwbaarheid', 'Betrouwbaarheid', 'norm', '', 28),
    ('onpartijdigheid', 'Onpartijdigheid', 'norm', '', 29),
    ('redelijkheid', 'Redelijkheid', 'norm', '', 30),
    ('goede_voorbereiding', 'Goede voorbereiding', 'norm', '', 31),
    ('goede_organisatie', 'Goede organisatie', 'norm', '', 32),
    ('professionaliteit', 'Professionaliteit', 'norm', '', 33);

CREATE TABLE coded_texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    text_key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    wave_id BIGINT REFERENCES waves(id),
    item_key TEXT,
    complaint_id BIGINT REFERENCES complaints(id),
    times INTEGER NOT NULL,
    coded_by BIGINT REFERENCES users(id),
    coded_on DATE NOT NULL
);
CREATE INDEX coded_texts_wave ON coded_texts (wave_id);
CREATE INDEX coded_texts_complaint ON coded_texts (complaint_id);
CREATE TABLE text_codes (
    coded_text_id BIGINT NOT NULL REFERENCES coded_texts(id),
    code TEXT NOT NULL,
    chosen BOOLEAN NOT NULL,
    suggested BOOLEAN NOT NULL,
    PRIMARY KEY (coded_text_id, code)
);
