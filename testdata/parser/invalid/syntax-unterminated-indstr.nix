''abc
