namespace OrleansMlops.Abstractions.Models;

/// <summary>A model name and version number; <see cref="GrainKey"/> is the ModelVersionGrain key ("name/3").</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-version-key")]
public sealed record ModelVersionKey([property: Id(0)] string Name, [property: Id(1)] int Version)
{
    public string GrainKey => $"{Name}/{Version}";

    /// <summary>Reads "name/version" (a positive version number), as in a grain key or a run's <c>model</c> parameter.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelVersionKey? key)
    {
        key = null;
        var slash = text?.LastIndexOf('/') ?? -1;
        if (slash <= 0
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || version < 1)
        {
            return false;
        }

        key = new ModelVersionKey(text![..slash], version);
        return true;
    }

    public override string ToString() => GrainKey;
}
