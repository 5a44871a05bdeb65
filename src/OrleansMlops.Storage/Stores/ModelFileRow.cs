using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Stores;

/// <summary>A model_version_files row: one training data file of a model version, by role, with its hash.</summary>
internal sealed class ModelFileRow
{
    public string Name { get; set; } = "";
    public long Version { get; set; }
    public long Ordinal { get; set; }
    public string Role { get; set; } = "";
    public string Path { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Rows { get; set; }

    public static IEnumerable<ModelFileRow> From(ModelVersionView view)
    {
        var files = view.Registration.Lineage.Files;
        return (files.IsDefault ? [] : files).Select((file, ordinal) => new ModelFileRow
        {
            Name = view.Key.Name,
            Version = view.Key.Version,
            Ordinal = ordinal,
            Role = file.Role,
            Path = file.Path,
            Sha256 = file.Sha256,
            Rows = file.Rows,
        });
    }

    public DatasetFile ToFile() => new(Role, Path, Sha256, Rows);
}
