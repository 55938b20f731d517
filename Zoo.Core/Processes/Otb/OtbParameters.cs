namespace Zoo.Core.Processes.Otb;

/// <summary>
/// One input on the command line: <c>-&lt;Name&gt; &lt;value&gt;...</c>. The values are paths of the input's
/// files or literal values, in request order; a multi-valued input gives several.
/// </summary>
public sealed record OtbInput(string Name, IReadOnlyList<string> Values);

/// <summary>
/// One output on the command line: <c>-&lt;Name&gt; &lt;Path&gt;</c>, then the value of the input of the same
/// name when there is one (OTB's pixel type, e.g. <c>-out /r/out.tif float</c>).
/// </summary>
public sealed record OtbOutput(string Name, string Path, string? PixelType = null);
