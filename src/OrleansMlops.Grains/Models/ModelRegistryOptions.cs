namespace OrleansMlops.Grains.Models;

/// <summary>The <c>Models</c> configuration section: how the model registry keeps its versions under review.</summary>
public sealed class ModelRegistryOptions
{
    public const string Section = "Models";

    public static readonly TimeSpan MaxRevalidationPeriod = TimeSpan.FromDays(5 * 366);

    /// <summary>
    /// The periodic review period (SR 26-2, default 12 months): a version validated at T is due for revalidation at
    /// T + this period (<c>RevalidationDueAt</c>), after which the governance gate may refuse to deploy it.
    /// </summary>
    public TimeSpan RevalidationPeriod { get; set; } = TimeSpan.FromDays(365);
}
