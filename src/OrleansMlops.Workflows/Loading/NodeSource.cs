using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>A node with the element it was read from, so validation problems can point at the file.</summary>
internal sealed record NodeSource(FlowNode Node, XElement Element);
