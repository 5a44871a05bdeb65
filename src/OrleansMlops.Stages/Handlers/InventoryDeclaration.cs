using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// What the run declares about the model for the inventory (SR 26-2) and the AI Act classification (Art. 6): the run
/// variables <c>purpose</c>, <c>riskClass</c>, <c>owner</c> and <c>tier</c>. Absent or blank ones fall back to the
/// credit model's defaults; the owner defaults to the person who started the run, and the tier has no default (an
/// inventory entry without a declared materiality tier is incomplete, which the governance gate reports). The
/// <c>tags</c> variable (comma-separated, see <see cref="ModelTags"/>) labels the version in the registry.
/// </summary>
internal sealed record InventoryDeclaration(string Purpose, string RiskClass, string Owner, string? Tier, ImmutableArray<string> Tags)
{
    public const string PurposeVariable = "purpose";

    public const string RiskClassVariable = "riskClass";

    public const string OwnerVariable = "owner";

    public const string TierVariable = "tier";

    public static InventoryDeclaration From(StageContext context) => new(
        Text(context, PurposeVariable) ?? TrainStageHandler.Purpose,
        Text(context, RiskClassVariable) ?? TrainStageHandler.RiskClass,
        Text(context, OwnerVariable) ?? context.StartedBy.Id,
        Text(context, TierVariable),
        ModelTags.Parse(Text(context, ModelTags.Parameter)));

    private static string? Text(StageContext context, string name) =>
        context.Variables.TryGetValue(name, out var variable) && variable.ToString().Trim() is { Length: > 0 } text ? text : null;
}
