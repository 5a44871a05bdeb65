using Microsoft.Extensions.Options;

namespace OrleansMlops.Storage;

/// <summary>Validates <see cref="StorageOptions"/> with messages that name the configuration key and the offending value.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var groupCommit = options.GroupCommit?.Validate() ?? [$"{StorageOptions.Section}:{nameof(StorageOptions.GroupCommit)} is required."];
        if (groupCommit.Count > 0)
        {
            return ValidateOptionsResult.Fail(groupCommit);
        }

        if (options.IsPostgreSql)
        {
            var postgres = options.PostgreSql?.Validate() ?? [$"{StorageOptions.Section}:{nameof(StorageOptions.PostgreSql)} is required."];
            return postgres.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(postgres);
        }

        if (!options.IsSqlite)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.Section}:{nameof(StorageOptions.Provider)} is '{options.Provider}', which is not supported; "
                + $"use '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgreSqlProvider}'.");
        }

        if (options.Sqlite is null)
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:{nameof(StorageOptions.Sqlite)} is required.");
        }

        var problems = options.Sqlite.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
