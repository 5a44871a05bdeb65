using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Data;

/// <summary>One credit CSV file as read for a stage: its role, location, SHA-256 and rows.</summary>
public sealed record CreditDataFile(string Role, string FullPath, string Sha256, IReadOnlyList<CreditApplicant> Applicants)
{
    /// <summary>
    /// Reads, hashes and parses the file from the same bytes, so the recorded hash is the hash of the rows used.
    /// A missing or malformed file is a <see cref="StageException"/> naming it.
    /// </summary>
    public static async Task<CreditDataFile> LoadAsync(string directory, string role, string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, fileName);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StageException($"The {role} data file '{path}' does not exist.", ex);
        }

        try
        {
            return new CreditDataFile(role, path, Sha256Hex.Of(content), CreditCsv.Parse(content));
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.DecoderFallbackException)
        {
            throw new StageException($"The {role} data file '{path}' is malformed: {ex.Message}", ex);
        }
    }
}
