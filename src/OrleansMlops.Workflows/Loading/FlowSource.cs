using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// A sequence flow with the element it was read from. <paramref name="ConditionRefused"/> marks a condition that did
/// not parse (already reported), so it is not reported again as missing.
/// </summary>
internal sealed record FlowSource(SequenceFlow Flow, XElement Element, bool ConditionRefused);
