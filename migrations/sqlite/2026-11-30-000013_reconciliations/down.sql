DROP TABLE reconciliation_exceptions;
DROP TABLE reconciliations;
