using System.Collections.Immutable;

namespace OrleansMlops.Stages.Modeling;

/// <summary>Approval rate per protected group and the gap between the highest and the lowest.</summary>
public sealed record ApprovalDisparityResult(ImmutableSortedDictionary<string, double> ApprovalRates, double Disparity);
