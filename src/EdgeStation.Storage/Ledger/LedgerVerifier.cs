namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Walks the chain in storage order and names the first entry that was edited, deleted, inserted or moved.
/// Pure: it sees only entries, so it runs on the live database and on an export alike.
/// </summary>
public static class LedgerVerifier
{
    public static VerifyResult Verify(IEnumerable<LedgerEntry> entries, LedgerHead? expectedHead = null, IProgress<long>? progress = null)
    {
        var previous = LedgerHead.Empty;
        var lastGood = LedgerHead.Empty; // the entry before `previous`
        long count = 0;
        LedgerHead? anchorSeen = null;
        foreach (var e in entries)
        {
            var expectedSeq = previous.Seq + 1;
            if (e.Seq != expectedSeq)
            {
                var problem = e.Seq > expectedSeq
                    ? $"entry {expectedSeq} is missing (the chain jumps from {previous.Seq} to {e.Seq})"
                    : $"entry {e.Seq} appears again or out of order after entry {previous.Seq}";
                return Fail(count, previous, expectedSeq, problem);
            }
            if (LedgerHasher.ContentDigest(e.Content) != e.ContentDigest)
            {
                return Fail(count, previous, e.Seq, $"entry {e.Seq}: content was changed (its digest does not match)");
            }
            if (e.PrevHash != previous.Hash)
            {
                // A self-consistent entry that does not follow its predecessor was sealed against a different
                // predecessor: the predecessor is what was rewritten (hashes and all).
                if (e.Seq > 1 && LedgerHasher.ChainHash(e.Seq, e.PrevHash, e.ContentDigest) == e.Hash)
                {
                    return Fail(count - 1, lastGood, previous.Seq,
                        $"entry {previous.Seq}: was rewritten (entry {e.Seq} was chained to a different entry {previous.Seq})");
                }
                return Fail(count, previous, e.Seq, $"entry {e.Seq}: does not follow entry {previous.Seq} (its previous hash differs: it was edited, replaced or moved)");
            }
            if (LedgerHasher.ChainHash(e.Seq, e.PrevHash, e.ContentDigest) != e.Hash)
            {
                return Fail(count, previous, e.Seq, $"entry {e.Seq}: its hash does not match its seq, previous hash and digest");
            }
            string? formProblem = null;
            try
            {
                var decoded = RecordEventCodec.Decode(e.Content);
                if (RecordEventCodec.Encode(decoded) != e.Content)
                {
                    formProblem = "content is not in canonical form";
                }
                else if (decoded.RecordId != e.RecordId)
                {
                    formProblem = $"stored record id '{e.RecordId}' differs from the content's '{decoded.RecordId}'";
                }
            }
            catch (FormatException ex)
            {
                formProblem = ex.Message;
            }
            if (formProblem is not null)
            {
                return Fail(count, previous, e.Seq, $"entry {e.Seq}: {formProblem}");
            }
            lastGood = previous;
            previous = new LedgerHead(e.Seq, e.Hash);
            count++;
            if (expectedHead is { } anchor && e.Seq == anchor.Seq)
            {
                if (e.Hash != anchor.Hash)
                {
                    return Fail(count, previous, e.Seq, $"entry {e.Seq}: its hash differs from the anchor {anchor} (history up to the anchor was rewritten)");
                }
                anchorSeen = anchor;
            }
            if ((count & 0x3FFF) == 0)
            {
                progress?.Report(count);
            }
        }
        if (expectedHead is { } expected && anchorSeen is null && expected.Seq != 0)
        {
            return Fail(count, previous, previous.Seq + 1,
                $"the ledger ends at entry {previous.Seq} but the anchor {expected} says it had at least {expected.Seq}: {expected.Seq - previous.Seq} entries are missing from the end");
        }
        return new VerifyResult(true, count, previous, null, null);
    }

    private static VerifyResult Fail(long count, LedgerHead lastGood, long seq, string problem) =>
        new(false, count, lastGood, seq, problem);
}
