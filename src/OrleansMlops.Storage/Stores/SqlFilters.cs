using Dapper;

namespace OrleansMlops.Storage.Stores;

/// <summary>
/// The WHERE clause of a filtered query, built from the filters actually given (so the database can use the matching index),
/// with their values as parameters, never as text.
/// </summary>
internal sealed class SqlFilters
{
    private readonly List<string> _filters = [];

    public DynamicParameters Parameters { get; } = new();

    /// <summary>" WHERE a AND b …", or empty when no filter was given.</summary>
    public string Where => _filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _filters);

    public void Add(string filter, string name, object? value)
    {
        _filters.Add(filter);
        Parameters.Add(name, value);
    }
}
