-- Issue 19: suggestions are proposals. For each code of a coded text the decision is kept:
-- 'aanvaard' (suggested and chosen), 'afgewezen' (suggested, not chosen) or 'zelf' (chosen, not
-- suggested), and what suggested it: 'woorden' (cues), 'thema' (a theme brings the norm),
-- 'model' (learned from the researcher's codes), or '' when nothing did. Only chosen codes count.
ALTER TABLE text_codes ADD COLUMN decision TEXT NOT NULL DEFAULT 'zelf';
ALTER TABLE text_codes ADD COLUMN suggested_by TEXT NOT NULL DEFAULT '';
UPDATE text_codes SET decision = CASE
    WHEN suggested AND chosen THEN 'aanvaard'
    WHEN suggested THEN 'afgewezen'
    ELSE 'zelf' END;
UPDATE text_codes SET suggested_by = 'woorden' WHERE suggested;
-- The seeded themes now have built-in cues (stems, negation, phrases with gaps); the old seeded
-- word starts ('kind', 'maand', 'situatie', ...) go, unless the researcher changed them.
UPDATE codebook SET cues = '' WHERE code = 'niet_gehoord' AND cues = 'luister, niet gehoord, geen gehoor, mijn kant, mijn verhaal, besloten voordat, niet serieus, negeer';
UPDATE codebook SET cues = '' WHERE code = 'respectloos' AND cues = 'respect, kind, neerbuig, kleiner, uitgelach, schreeuw, grof, onbeschof, arrogant, toon';
UPDATE codebook SET cues = '' WHERE code = 'wantrouwen' AND cues = 'wantrouw, verdacht, beschuldig, alsof ik, gelog, fraud, controle, crimineel';
UPDATE codebook SET cues = '' WHERE code = 'privacy' AND cues = 'privacy, bankafschrift, afschrift, hardop, iedereen kon, huisbezoek, voor de deur, gegevens, dossier';
UPDATE codebook SET cues = '' WHERE code = 'onbereikbaar' AND cues = 'bereik, terugbel, teruggebeld, terug gebeld, opgehang, telefoon, wachtrij, mail beantwoord, niet terug, belde nooit';
UPDATE codebook SET cues = '' WHERE code = 'lang_wachten' AND cues = 'wacht, maand, weken, lang, traag, duur, nog steeds geen';
UPDATE codebook SET cues = '' WHERE code = 'wisseling' AND cues = 'wissel, andere contactpersoon, nieuwe contactpersoon, steeds opnieuw, vijfde keer, opnieuw vertellen, weer iemand anders';
UPDATE codebook SET cues = '' WHERE code = 'brieven' AND cues = 'brief, brieven, dreig, kortaf, onduidelijk, moeilijk te begrijpen, ambtelijk';
UPDATE codebook SET cues = '' WHERE code = 'niet_geholpen' AND cues = 'niet geholp, geen hulp, niemand hielp, aan mijn lot, van het kastje, niks gedaan, niets gedaan';
UPDATE codebook SET cues = '' WHERE code = 'geen_begrip' AND cues = 'begrip, situatie, ziek, empathie, inlevings, mijn omstandigheden';
UPDATE codebook SET cues = '' WHERE code = 'positief' AND cues = 'vriendelijk, goed geholp, behulpzaam, netjes, fijn, prettig, duidelijk uitgelegd, meegedacht, tijd genomen, dank';
-- A theme for unclear rules and information, after the other seeded themes.
UPDATE codebook SET position = position + 1 WHERE position >= 12;
INSERT INTO codebook (code, name, kind, cues, position)
    SELECT 'regels_onduidelijk', 'Regels en informatie onduidelijk', 'thema', '', 12
    WHERE NOT EXISTS (SELECT 1 FROM codebook WHERE code = 'regels_onduidelijk');
