namespace OrleansMlops.Governance.Loading;

/// <summary>Reads a rule set file's bytes with a size limit; a file that cannot be read is a load refusal.</summary>
internal static class RuleSetFile
{
    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > RuleSetLoader.MaxFileBytes)
            {
                throw new GovernanceException(GovernancePhase.Load, $"the file is {length} bytes; the limit is {RuleSetLoader.MaxFileBytes}.", path);
            }

            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GovernanceException(GovernancePhase.Load, $"the file cannot be read: {ex.Message}", path, innerException: ex);
        }
    }
}
