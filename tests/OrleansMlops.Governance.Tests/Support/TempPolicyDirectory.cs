namespace OrleansMlops.Governance.Tests.Support;

/// <summary>A private policies folder for one test, deleted afterwards.</summary>
internal sealed class TempPolicyDirectory : IDisposable
{
    public TempPolicyDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlops-policies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static TempPolicyDirectory WithGoodFiles(params string[] names)
    {
        var directory = new TempPolicyDirectory();
        foreach (var name in names)
        {
            System.IO.File.Copy(System.IO.Path.Combine(TestFiles.Good, name), directory.File(name));
        }

        return directory;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Delete(string name) => System.IO.File.Delete(File(name));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
