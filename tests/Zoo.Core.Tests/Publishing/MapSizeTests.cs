using Zoo.Core.Geo;
using Zoo.Core.Publishing;

namespace Zoo.Core.Tests.Publishing;

/// <summary>MapSize.Fit: the largest size within 640x480 with the extent's proportions.</summary>
public class MapSizeTests
{
    [Test]
    public void A_wide_extent_is_640_wide()
    {
        // 3000 x 2000 at 640/3000: 2000 * 0.21333 = 426.67.
        Assert.That(MapSize.Fit(new Extent(500000, 4648000, 503000, 4650000)), Is.EqualTo(new MapSize(640, 427)));
    }

    [Test]
    public void A_tall_extent_is_480_high()
    {
        // 1000 x 3000 at 480/3000: 1000 * 0.16 = 160.
        Assert.That(MapSize.Fit(new Extent(0, 0, 1000, 3000)), Is.EqualTo(new MapSize(160, 480)));
    }

    [Test]
    public void A_square_extent_is_480_by_480()
    {
        Assert.That(MapSize.Fit(new Extent(-10, -10, 10, 10)), Is.EqualTo(new MapSize(480, 480)));
    }

    [Test]
    public void An_extent_of_the_maps_own_proportions_fills_it()
    {
        Assert.That(MapSize.Fit(new Extent(0, 0, 4, 3)), Is.EqualTo(new MapSize(640, 480)));
    }

    [Test]
    public void A_very_flat_extent_keeps_one_pixel_of_height()
    {
        Assert.That(MapSize.Fit(new Extent(0, 0, 100000, 1)), Is.EqualTo(new MapSize(640, 1)));
    }

    [TestCase(5, 5, 5, 10)]
    [TestCase(5, 5, 10, 5)]
    [TestCase(5, 5, 5, 5)]
    public void An_extent_without_area_gets_the_whole_640_by_480(double minX, double minY, double maxX, double maxY)
    {
        Assert.That(MapSize.Fit(new Extent(minX, minY, maxX, maxY)), Is.EqualTo(new MapSize(640, 480)));
    }

    [Test]
    public void An_extent_that_is_not_a_number_gets_the_whole_640_by_480()
    {
        Assert.That(MapSize.Fit(new Extent(double.NaN, 0, 1, 1)), Is.EqualTo(new MapSize(640, 480)));
    }
}
