using OrleansMlops.Abstractions.Governance.Proposals;

namespace OrleansMlops.Grains.Governance;

/// <summary>The reasons and comments people give when they propose or review a change to a control.</summary>
internal static class ReviewText
{
    public const int MaxLength = 2_000;

    /// <summary>The trimmed text, or null when blank; longer than <see cref="MaxLength"/> is refused naming <paramref name="field"/>.</summary>
    public static string? Optional(string? text, string field)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: > MaxLength }
            ? throw new ProposalException(ProposalErrorCode.InvalidRequest, $"'{field}' is {trimmed.Length} characters; at most {MaxLength}.")
            : string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
