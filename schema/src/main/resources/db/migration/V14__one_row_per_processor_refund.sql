-- A refund at the processor is recorded once, whoever records it: Waitwell's refund activity, or the reconciliation
-- of a processor event that reports it (a refund made in the Stripe dashboard, or one whose answer was lost).
CREATE UNIQUE INDEX one_row_per_processor_refund ON payments (gateway_reference)
    WHERE kind = 'REFUND' AND gateway_reference IS NOT NULL;
