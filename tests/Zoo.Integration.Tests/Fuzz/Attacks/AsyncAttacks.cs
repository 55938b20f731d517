namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>
/// The only requests that start asynchronous jobs (each one a detached worker that outlives the request):
/// scheduled a dozen times in a run, never drawn at random. The answer must still come at once and the
/// worker must not keep the CGI's standard output open.
/// </summary>
public static class AsyncAttacks
{
    public static FuzzRequest Execute(Random random) => random.Next(6) switch
    {
        0 => FuzzRequest.Get($"service=WPS&version=1.0.0&request=Execute&Identifier=HelloPy&DataInputs=a={random.Word(8)}&ResponseDocument=Result&storeExecuteResponse=true&status=true"),
        1 => FuzzRequest.Get($"service=WPS&version=1.0.0&request=Execute&Identifier=HelloPy&DataInputs=a={Hostile.Mangle(random, random.One(Hostile.InputValues))}@{random.One(Hostile.InputAttributes)}&storeExecuteResponse=true&status=true"),
        2 => FuzzRequest.Post(WpsDocuments.Execute20("ogc.tests.Echo", WpsDocuments.Data20("message", "", random.Word(10)), WpsDocuments.Output20("Result"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal)),
        3 => FuzzRequest.Get($"service=WPS&version=1.0.0&request=Execute&Identifier=LongProcess&DataInputs=duration=0;steps=1&storeExecuteResponse=true&status=true&ResponseDocument=Result@extension=../../{OutsideWorld.EscapeName}"),
        4 => FuzzRequest.Post(WpsDocuments.Execute20("hpc.BandMath",
                WpsDocuments.Data20("exp", "", "im1b1*2") + "<wps:Input id=\"il\"><wps:Reference xlink:href=\"file:///etc/passwd\" mimeType=\"image/tiff\"/></wps:Input>",
                WpsDocuments.Output20("out"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal)),
        _ => FuzzRequest.Get($"service=WPS&version=1.0.0&request=Execute&Identifier=demo.WordCount&DataInputs=text={random.Word(20)}@mimeType=text/plain&storeExecuteResponse=true&status=true"),
    };
}
