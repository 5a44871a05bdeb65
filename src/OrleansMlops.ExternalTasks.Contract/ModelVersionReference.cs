namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>The model version a run works on, when it has one.</summary>
public sealed record ModelVersionReference(string Name, int Version)
{
    /// <summary>"name/version", as a run's <c>model</c> parameter names it; sent alongside for workers that want the one string.</summary>
    public string GrainKey => $"{Name}/{Version}";
}
