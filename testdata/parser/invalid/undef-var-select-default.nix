{ }.a or x
