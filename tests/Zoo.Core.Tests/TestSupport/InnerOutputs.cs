using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Tests.TestSupport;

/// <summary>
/// A process whose output <c>out</c> is delivered through inner outputs (download_link, wms_link, wcs_link), as an HPC
/// runner presents it; the .zcfg format has no nested outputs, so they are parsed as outputs of their own and put inside.
/// </summary>
public static class InnerOutputs
{
    private const string Zcfg = """
        [Smoothing]
         Title = Smooth an image
         Abstract = Smooths an image on a cluster.
         processVersion = 1
         <DataOutputs>
          [out]
           Title = Output image
           Abstract = The smoothed image.
           <ComplexData>
            <Default>
             mimeType = image/tiff
             asReference = true
             useMapserver = true
            </Default>
           </ComplexData>
          [Distance]
           Title = Distance
           Abstract = A distance.
           <LiteralData>
            dataType = double
            <Default>
             uom = meter
            </Default>
           </LiteralData>
         </DataOutputs>
        """;

    private const string Inner = """
        [Inner]
         <DataOutputs>
          [download_link]
           Title = Download link
           Abstract = The download link
           <ComplexData>
            <Default>
             mimeType = image/tiff
             asReference = true
             useMapserver = false
            </Default>
           </ComplexData>
          [wms_link]
           Title = WMS link
           Abstract = The WMS link
           <ComplexData>
            <Default>
             mimeType = image/png
             useMapserver = true
             msOgc = WMS
            </Default>
           </ComplexData>
          [wcs_link]
           Title = WCS link
           Abstract = The WCS link
           <ComplexData>
            <Default>
             mimeType = image/tiff
             useMapserver = true
             msOgc = WCS
            </Default>
           </ComplexData>
         </DataOutputs>
        """;

    public static ProcessDescription Process { get; } = Build();

    public static IoDescription Out => Process.Outputs[0];

    public static IoDescription Distance => Process.Outputs[1];

    public static IoDescription Link(string name) => Out.Nested.Single(n => n.Name == name);

    private static ProcessDescription Build()
    {
        var process = ZcfgParser.Parse(Zcfg);
        var inner = ZcfgParser.Parse(Inner).Outputs;
        return process with { Outputs = [process.Outputs[0] with { Nested = inner }, process.Outputs[1]] };
    }
}
