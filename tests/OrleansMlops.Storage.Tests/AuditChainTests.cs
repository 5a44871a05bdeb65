using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Tests;

public sealed class AuditChainTests
{
    private const string Run = "run-1";

    [Fact]
    public void Genesis_is_64_zeros()
    {
        Assert.Equal(new string('0', 64), AuditChain.GenesisHash);
    }

    [Fact]
    public void Seal_is_deterministic_lowercase_sha256_and_keeps_utc()
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)).AddTicks(1234567);

        var first = AuditChain.Seal(Run, 1, "run.started", "alice", at, """{"a":1}""", AuditChain.GenesisHash);
        var again = AuditChain.Seal(Run, 1, "run.started", "alice", at.ToUniversalTime(), """{"a":1}""", AuditChain.GenesisHash);

        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        Assert.Equal(TimeSpan.Zero, first.At.Offset);
        Assert.Equal(at.UtcTicks, first.At.UtcTicks);
    }

    [Fact]
    public void Field_boundaries_change_the_hash()
    {
        var at = AuditChains.Start;

        var one = AuditChain.Seal(Run, 1, "ab", "c", at, "{}", AuditChain.GenesisHash);
        var other = AuditChain.Seal(Run, 1, "a", "bc", at, "{}", AuditChain.GenesisHash);

        Assert.NotEqual(one.Hash, other.Hash);
    }

    [Fact]
    public void Accepts_a_good_chain()
    {
        var records = AuditChains.Build(Run, 5);

        var result = AuditChain.Verify(Run, records, 5, records[^1].Hash);

        Assert.True(result.Valid, string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.RecordCount);
        Assert.Equal(5, result.ExpectedHeadSequence);
        Assert.Equal(records[^1].Hash, result.HeadHash);
    }

    [Fact]
    public void Accepts_an_empty_chain_when_no_head_is_expected()
    {
        var result = AuditChain.Verify(Run, [], 0, null);

        Assert.True(result.Valid);
        Assert.Null(result.HeadHash);
    }

    [Fact]
    public void Detects_a_gap()
    {
        var records = AuditChains.Build(Run, 5).Where(r => r.Sequence != 3).ToList();

        var result = AuditChain.Verify(Run, records, 5, null);

        Assert.False(result.Valid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Sequence 4: sequence 3 is missing (gap).", problem);
    }

    [Fact]
    public void Detects_a_duplicate()
    {
        var chain = AuditChains.Build(Run, 3);
        AuditRecord[] records = [chain[0], chain[1], chain[1], chain[2]];

        var result = AuditChain.Verify(Run, records, 3, null);

        Assert.False(result.Valid);
        Assert.Equal("Sequence 2: appears more than once (duplicate).", Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_out_of_order_sequences()
    {
        var chain = AuditChains.Build(Run, 3);
        AuditRecord[] records = [chain[0], chain[2], chain[1]];

        var result = AuditChain.Verify(Run, records, 3, null);

        Assert.False(result.Valid);
        Assert.Contains("Sequence 3: sequence 2 is missing (gap).", result.Problems);
        Assert.Contains("Sequence 2: follows sequence 3 (out of order).", result.Problems);
    }

    [Fact]
    public void Detects_a_tampered_payload()
    {
        var records = AuditChains.Build(Run, 4).ToList();
        records[1] = records[1] with { PayloadJson = """{"step":999}""" };

        var result = AuditChain.Verify(Run, records, 4, records[^1].Hash);

        Assert.False(result.Valid);
        Assert.Equal(
            "Sequence 2: hash does not match the record's contents (tampered or corrupted).",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_a_broken_link()
    {
        var records = AuditChains.Build(Run, 3).ToList();
        // Correctly sealed on its own, but pointing at the wrong predecessor.
        var third = records[2];
        records[2] = AuditChain.Seal(Run, 3, third.Kind, third.Actor, third.At, third.PayloadJson, records[0].Hash);

        var result = AuditChain.Verify(Run, records, 3, null);

        Assert.False(result.Valid);
        Assert.Equal(
            "Sequence 3: previous hash does not equal the hash of sequence 2 (broken link).",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_a_first_record_not_linked_to_genesis()
    {
        var records = AuditChains.Build(Run, 1).ToList();
        var first = records[0];
        records[0] = AuditChain.Seal(Run, 1, first.Kind, first.Actor, first.At, first.PayloadJson, new string('f', 64));

        var result = AuditChain.Verify(Run, records, 1, null);

        Assert.Equal("Sequence 1: previous hash is not the genesis hash (broken link).", Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_truncation()
    {
        var records = AuditChains.Build(Run, 5).Take(3).ToList();

        var result = AuditChain.Verify(Run, records, 5, null);

        Assert.False(result.Valid);
        Assert.Equal(
            "Sequence 5: expected head is missing; the chain ends at sequence 3 (truncated).",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_a_fully_deleted_chain()
    {
        var result = AuditChain.Verify(Run, [], 2, null);

        Assert.False(result.Valid);
        Assert.Contains("(truncated)", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Detects_a_chain_past_the_expected_head()
    {
        var records = AuditChains.Build(Run, 4);

        var result = AuditChain.Verify(Run, records, 3, null);

        Assert.Equal("Sequence 4: the chain goes past the expected head at sequence 3.", Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_a_different_head_hash()
    {
        var records = AuditChains.Build(Run, 3);

        var result = AuditChain.Verify(Run, records, 3, new string('a', 64));

        Assert.Equal("Sequence 3: head hash differs from the expected head hash.", Assert.Single(result.Problems));
    }

    [Fact]
    public void Detects_a_record_of_another_run()
    {
        var records = AuditChains.Build("run-2", 1);

        var result = AuditChain.Verify(Run, records, 1, null);

        Assert.Equal("Sequence 1: belongs to run 'run-2', not 'run-1'.", Assert.Single(result.Problems));
    }
}
