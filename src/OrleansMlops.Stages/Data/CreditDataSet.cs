using System.Collections.Immutable;
using System.Text;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Data;

/// <summary>The three credit files together, with a version derived from their hashes.</summary>
public sealed record CreditDataSet(CreditDataFile Train, CreditDataFile Validation, CreditDataFile Test)
{
    public const string DatasetId = "credit-applicants";

    /// <summary>The attributes the bias examination compares groups by; kept in the files, never given to the model.</summary>
    public static ImmutableArray<string> ProtectedAttributes { get; } = ["sex"];

    public IReadOnlyList<CreditDataFile> Files => [Train, Validation, Test];

    /// <summary>
    /// The first 16 hex digits of the SHA-256 of the lines "role:sha256\n" in train, validation, test order: any change
    /// to any file gives a new version, and the same files always give the same one.
    /// </summary>
    public string Version
    {
        get
        {
            var manifest = string.Concat(Files.Select(file => $"{file.Role}:{file.Sha256}\n"));
            return Sha256Hex.Of(Encoding.UTF8.GetBytes(manifest))[..16];
        }
    }

    public static async Task<CreditDataSet> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var files = new List<CreditDataFile>(CreditDataSplit.Files.Count);
        foreach (var (role, fileName) in CreditDataSplit.Files)
        {
            files.Add(await CreditDataFile.LoadAsync(directory, role, fileName, cancellationToken));
        }

        return new CreditDataSet(files[0], files[1], files[2]);
    }
}
