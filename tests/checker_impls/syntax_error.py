"""Does not even parse: a load error, named in the report."""

class TwoLayerNet:
    def loss(self, X, y=None, reg=0.0)
        return X
