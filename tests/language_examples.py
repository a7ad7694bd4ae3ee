"""Sentences written for the project in Greek and Romanian, and a tiny training recipe,
for the tests of taggers a court trains in its own language."""

import json

P, L = "personnePhysique", "localite"


def annotated(text, *mentions):
    """``(text, spans)`` with each ``(words, label)`` found in ``text`` (first occurrence
    after the previous one)."""
    spans, at = [], 0
    for words, label in mentions:
        start = text.index(words, at)
        spans.append((start, start + len(words), label))
        at = start + len(words)
    return text, spans


#: A Greek court's sentences, civility (κ., κα) then a name.
GREEK = [
    annotated("Ο κ. Νικόλαος Σταματόπουλος κατοικεί στην Πάτρα.", ("Νικόλαος Σταματόπουλος", P), ("Πάτρα", L)),
    annotated("Η κα Ελένη Μαυρίδου υπέβαλε αίτηση στη Λάρισα.", ("Ελένη Μαυρίδου", P), ("Λάρισα", L)),
    annotated("Ο κ. Αριστείδης Κοντός δήλωσε ότι δεν γνωρίζει τον κ. Πέτρο Λιάκο.",
              ("Αριστείδης Κοντός", P), ("Πέτρο Λιάκο", P)),
    annotated("Η κα Σοφία Δημητρίου εργάζεται στην Καβάλα ως λογίστρια.", ("Σοφία Δημητρίου", P), ("Καβάλα", L)),
    annotated("Το δικαστήριο άκουσε τον κ. Ευάγγελο Ραφτόπουλο και την κα Μαρία Κανελλοπούλου.",
              ("Ευάγγελο Ραφτόπουλο", P), ("Μαρία Κανελλοπούλου", P)),
    annotated("Η αίτηση απορρίπτεται ως αβάσιμη."),
]

#: A Romanian court's sentences, civility (domnul, doamna) then a name.
ROMANIAN = [
    annotated("Domnul Vasile Cărăușu locuiește în Botoșani.", ("Vasile Cărăușu", P), ("Botoșani", L)),
    annotated("Doamna Elena Pătrășcanu a depus cererea la Suceava.", ("Elena Pătrășcanu", P), ("Suceava", L)),
    annotated("Instanța l-a audiat pe domnul Toma Vârlan și pe doamna Ana Mocanu.",
              ("Toma Vârlan", P), ("Ana Mocanu", P)),
    annotated("Domnul Radu Ionescu lucrează în Brăila.", ("Radu Ionescu", P), ("Brăila", L)),
    annotated("Cererea este respinsă ca neîntemeiată."),
]

#: Small and fast: the point is the path, not the figures.
TINY = dict(epochs=1, min_steps=300, learning_rate=1e-2, hidden_size=16, char_filters=16, shape_dim=8,
            batch_size=4, word_dim=16, shape_scheme="script", augment_names=0.0, word_unk_rate=0.0,
            name_class_dim=4)


def write_jsonl(path, pairs):
    path.write_text("".join(
        json.dumps({"text": t, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in sp]},
                   ensure_ascii=False) + "\n" for t, sp in pairs), encoding="utf-8")
    return path


def train(pairs, profile, **changes):
    """A tagger trained on ``pairs`` with the tiny recipe, for pack ``profile``."""
    from judanon import training

    config = training.TrainingConfig(profile=profile, labels=(P, L), **{**TINY, **changes})
    return training.train_tagger(training.from_pairs(pairs), config, log=lambda msg: None)


def tagger_spans(anonymizer, text):
    """The texts of the spans the anonymizer's one tagger finds in ``text``."""
    found = [d for d in anonymizer.detectors if type(d).__name__ in ("FlairDetector", "TaggerChoice")]
    assert len(found) == 1
    return {text[s.start:s.end] for s in found[0].detect(text)}
