using Zoo.Core.Configuration;
using Zoo.Core.Data;
using Zoo.Core.Execution;

namespace Zoo.Core.Wps.Requests.Execute;

public enum ResponseKind
{
    Document,
    Raw,
}

/// <summary>How a client asked the process to run: WPS 2.0.0 mode, or 1.0.0 status=true as async.</summary>
public enum ExecutionMode
{
    Sync,
    Async,
    Auto,
}

/// <summary>A bounding box as a request gives it.</summary>
public sealed record BoundingBoxValue(string? Crs, string? Dimensions, string LowerCorner, string UpperCorner);

/// <summary>
/// One value given for an input: a literal or a small complex value in <see cref="Value"/>, complex data already
/// in its input file (<see cref="Data"/>, read from an XML request as it streamed in), a reference, or a bounding
/// box. <see cref="Attributes"/> holds what the request said about it (mimeType, encoding, schema, uom, dataType).
/// </summary>
public sealed record InputValue(
    string Name,
    ConfigValues Attributes,
    string? Value = null,
    InlineData? Data = null,
    InputReference? Reference = null,
    BoundingBoxValue? BoundingBox = null);

/// <summary>An output the client asked for, with asReference, mimeType, encoding, schema, uom as it asked.</summary>
public sealed record OutputRequest(string Name, ConfigValues Attributes)
{
    public bool AsReference =>
        Attributes.IsTrue("asReference")
        || string.Equals(Attributes["transmission"], "reference", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An Execute request in either version, KVP or XML.</summary>
public sealed record ExecuteRequest(
    string Identifier,
    IReadOnlyList<InputValue> Inputs,
    IReadOnlyList<OutputRequest> Outputs,
    ResponseKind Response,
    bool Lineage,
    bool StoreExecuteResponse,
    bool Status,
    ExecutionMode Mode)
{
    /// <summary>WPS 1.0.0 names the outputs of a raw answer in RawDataOutput, of a document in ResponseDocument.</summary>
    public string OutputLocator => Response == ResponseKind.Raw ? "RawDataOutput" : "ResponseDocument";
}
