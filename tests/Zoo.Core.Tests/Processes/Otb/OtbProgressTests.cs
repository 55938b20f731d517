using Zoo.Core.Processes.Otb;

namespace Zoo.Core.Tests.Processes.Otb;

public class OtbProgressTests
{
    [TestCase("Writing /tmp/o.tif...: 45% [**********************                            ]", 45)]
    [TestCase("Writing o.tif...: 100% [**************************************************] (0s)", 100)]
    [TestCase("Writing o.tif...: 0% [                                                  ]", 0)]
    public void A_progress_bar_line_gives_its_percentage(string line, int percent)
    {
        Assert.That(OtbProgress.Percent(line), Is.EqualTo(percent));
    }

    [TestCase("2026-12-06 00:44:06 (INFO) BandMath: Default RAM limit for OTB is 256 MB")]
    [TestCase("2026-12-06 00:44:06 (INFO): Estimated memory for full processing: 53.3962MB (avail.: 256 MB)")]
    [TestCase("% [ no number before the bar")]
    [TestCase("")]
    public void Any_other_line_gives_no_percentage(string line)
    {
        Assert.That(OtbProgress.Percent(line), Is.Null);
    }

    [TestCase("Writing o.tif...: 1045% [****]")]
    [TestCase("Writing o.tif...: 101% [****]")]
    public void A_number_that_is_no_percentage_gives_none(string line)
    {
        Assert.That(OtbProgress.Percent(line), Is.Null);
    }
}
