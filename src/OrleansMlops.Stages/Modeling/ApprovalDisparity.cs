using System.Collections.Immutable;

namespace OrleansMlops.Stages.Modeling;

/// <summary>
/// Demographic-parity gap of approvals. An applicant is approved when the model predicts no default; a group's approval
/// rate is its approved share; the disparity is the highest rate minus the lowest, which for two groups is the absolute
/// difference of their rates. 0 means equal approval rates.
/// </summary>
public static class ApprovalDisparity
{
    public static ApprovalDisparityResult Compute(IReadOnlyList<string> groups, IReadOnlyList<bool> predictedDefault)
    {
        if (groups.Count != predictedDefault.Count)
        {
            throw new ArgumentException(
                $"Got {groups.Count} group labels for {predictedDefault.Count} predictions; they must pair up.", nameof(groups));
        }

        var rates = groups
            .Select((group, i) => (Group: group, Approved: !predictedDefault[i]))
            .GroupBy(row => row.Group, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => (double)g.Count(row => row.Approved) / g.Count(),
                StringComparer.Ordinal);
        if (rates.Count < 2)
        {
            throw new ArgumentException(
                $"Approval disparity needs at least two groups; found {rates.Count}.", nameof(groups));
        }

        return new ApprovalDisparityResult(rates, rates.Values.Max() - rates.Values.Min());
    }
}
