namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// What each OTB parameter type becomes in a zcfg (spec/otb2zcfg.md §1): which parameters are inputs and which
/// outputs, the literal dataType, list occurrences and file formats. Types otb2zcfg did not know (Radius, Field,
/// Band, InputFilenameList) get the kind their values have, so that no parameter is left without a data block.
/// </summary>
public static class OtbParameterKinds
{
    /// <summary>
    /// Every role=input parameter but groups and written files. An OutputImage is also an input: a literal holding
    /// its pixel type, the ZOO idiom both OTB runtimes read.
    /// </summary>
    public static bool IsInput(OtbParameter parameter) =>
        !parameter.IsOutputRole && parameter.Type is not ("Group" or "OutputFilename" or "OutputVectorData");

    /// <summary>Written files, and the values OTB computes (role=output).</summary>
    public static bool IsOutput(OtbParameter parameter) =>
        parameter.Type != "Group" && (parameter.IsOutputRole || parameter.Type is "OutputImage" or "OutputVectorData" or "OutputFilename");

    /// <summary>Whether a choice parameter is among the key's ancestors (<c>type.mean.radius</c> under <c>type</c>).</summary>
    public static bool IsInChoiceBranch(string key, IReadOnlySet<string> choiceKeys)
    {
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            if (choiceKeys.Contains(key[..dot]))
                return true;
        }
        return false;
    }

    /// <summary>Lists, and the ListView family (ListView, Field, Band) unless OTB allows one item only.</summary>
    public static bool IsList(OtbParameter parameter) => parameter.Type switch
    {
        "StringList" or "InputImageList" or "InputVectorDataList" or "InputFilenameList" => true,
        "ListView" or "Field" or "Band" => parameter.SingleSelection != true,
        _ => false,
    };

    /// <summary>The formats of a file input; null for a literal input.</summary>
    public static IReadOnlyList<ComplexFormat>? InputFormats(OtbParameter parameter) => parameter.Type switch
    {
        "InputImage" or "InputImageList" => OtbFormats.Images,
        "InputVectorData" or "InputVectorDataList" => OtbFormats.Vectors,
        "InputFilename" or "InputFilenameList" => OtbFormats.ForInputFile(parameter),
        _ => null,
    };

    /// <summary>The formats of a written file; null for a value OTB computes.</summary>
    public static IReadOnlyList<ComplexFormat>? OutputFormats(OtbParameter parameter) => parameter.IsOutputRole ? null : parameter.Type switch
    {
        "OutputImage" => OtbFormats.Images,
        "OutputVectorData" => OtbFormats.Vectors,
        "OutputFilename" => OtbFormats.ForOutputFile(parameter),
        _ => null,
    };

    /// <summary>
    /// The dataType of a literal. Field and Band name a column or a band, chosen among what the input holds, so they
    /// are strings; any type OTB may add later is a string too rather than a lost parameter.
    /// </summary>
    public static string LiteralType(OtbParameter parameter) => parameter.Type switch
    {
        "Int" or "RAM" or "Radius" => "integer",
        "Float" => "float",
        "Bool" => "boolean",
        _ => "string",
    };
}
