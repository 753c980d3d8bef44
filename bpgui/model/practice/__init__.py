"""Practice: the learner predicts, computes and hunts a planted bug (issue 12). No Qt here.

``grading`` decides whether a typed answer matches a value at the precision typed; ``worksheet`` lists an
iteration's cells in the note's order, each one closed form evaluated over the record; ``mistakes`` names
the known wrong rules a wrong answer matches.
"""
